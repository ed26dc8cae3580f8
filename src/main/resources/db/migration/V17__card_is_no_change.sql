-- Storing a card (CardBackfill: the derived JSON of a feed item, rendered again after a rename cleared it) is no
-- change of the article: it took a new change position, so /changes listed the article again and every webhook
-- following it got an article.updated identical to the event before. A write whose only difference is the card
-- keeps the article's position; every other write takes a new one, as before. (The generated search column is
-- left out of the comparison: a BEFORE trigger sees its old value.)
create or replace function article_take_change_position() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.card is distinct from old.card
       and to_jsonb(new) - 'card' - 'search' = to_jsonb(old) - 'card' - 'search' then
        return new;
    end if;
    new.change_xid := pg_current_xact_id();
    new.change_seq := nextval('article_change_seq');
    return new;
end;
$$;
