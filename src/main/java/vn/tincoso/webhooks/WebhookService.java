package vn.tincoso.webhooks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.tincoso.articles.ArticleFilter;
import vn.tincoso.articles.CurrentUser;
import vn.tincoso.config.TincosoConfig;
import vn.tincoso.config.VietnamTime;
import vn.tincoso.organisations.Organisation;
import vn.tincoso.organisations.OrganisationRepository;
import vn.tincoso.web.ApiException;
import vn.tincoso.web.ConflictException;
import vn.tincoso.web.InvalidBodyException;
import vn.tincoso.web.JsonErrors;
import vn.tincoso.web.ProblemType;
import vn.tincoso.web.ResourceNotFoundException;

/**
 * Subscriptions as their owners manage them. Admins manage every one; an editor those whose filter names a unit they
 * may write (the filter's org is then required), so an editor's webhook never follows another unit's articles.
 */
@ApplicationScoped
public class WebhookService {

    public static final int MAX_DELIVERIES_PAGE = 200;
    private static final List<String> ALL_EVENTS = Arrays.stream(WebhookEventType.values()).map(WebhookEventType::code).toList();

    private final WebhookStore store;
    private final WebhookSecrets secrets;
    private final WebhookTargets targets;
    private final OrganisationRepository organisations;
    private final ObjectMapper mapper;
    private final TincosoConfig config;

    WebhookService(WebhookStore store, WebhookSecrets secrets, WebhookTargets targets, OrganisationRepository organisations,
            ObjectMapper mapper, TincosoConfig config) {
        this.store = store;
        this.secrets = secrets;
        this.targets = targets;
        this.organisations = organisations;
        this.mapper = mapper;
        this.config = config;
    }

    @Transactional
    public WebhookView create(WebhookInput input, CurrentUser user) {
        secrets.requireConfigured();
        if (input.url() == null || input.url().isBlank()) {
            throw new InvalidBodyException("/url", "thiếu");
        }
        targets.checked("/url", input.url());
        List<String> events = events(input.events() == null ? ALL_EVENTS : input.events());
        WebhookFilter filter = input.filter() == null ? WebhookFilter.NONE : input.filter();
        Long organisationId = unitOf(filter, user);
        if (input.state() != null) {
            throw new InvalidBodyException("/state", "chỉ đổi được sau khi tạo (PATCH)");
        }
        if (store.countCreatedBy(user.name()) >= config.webhooks().maxPerAccount()) {
            throw new ConflictException("", "tài khoản này đã có " + config.webhooks().maxPerAccount() + " webhook, mức tối đa");
        }
        String secret = input.secret() == null ? WebhookSecrets.generate() : WebhookSecrets.checked("/secret", input.secret());
        long id = store.insert(input.url(), secrets.seal(secret), events, json(filter), organisationId, user.name());
        return view(store.find(id, false).orElseThrow(), secret);
    }

    @Transactional
    public List<WebhookView> list(CurrentUser user) {
        return store.list(user.isAdmin() ? null : user.organisation().orElse("")).stream().map(row -> view(row, null)).toList();
    }

    @Transactional
    public WebhookView find(long id, CurrentUser user) {
        return view(visible(id, user, false), null);
    }

    @Transactional
    public WebhookView change(long id, WebhookInput input, CurrentUser user) {
        WebhookStore.Row row = visible(id, user, true);
        String url = input.url() == null ? row.url() : targets.checked("/url", input.url()).toString();
        List<String> events = input.events() == null ? row.events() : events(input.events());
        WebhookFilter filter = input.filter() == null ? filterOf(row) : input.filter();
        Long organisationId = input.filter() == null ? row.organisationId() : unitOf(filter, user);
        String state = input.state() == null ? row.state() : switch (input.state()) {
            case "active", "paused" -> input.state();
            default -> throw new InvalidBodyException("/state", "chỉ nhận active hoặc paused");
        };
        String secret = input.secret() == null ? null : WebhookSecrets.checked("/secret", input.secret());
        store.update(id, url, secret == null ? row.secretSealed() : secrets.seal(secret), events, json(filter), organisationId, state);
        return view(store.find(id, false).orElseThrow(), secret);
    }

    @Transactional
    public void delete(long id, CurrentUser user) {
        visible(id, user, true);
        store.delete(id);
    }

    @Transactional
    public List<DeliveryView> deliveries(long id, Long before, int limit, CurrentUser user) {
        visible(id, user, false);
        return store.deliveries(id, before, limit);
    }

    @Transactional
    public DeliveryView retry(long id, long deliveryId, CurrentUser user) {
        visible(id, user, false);
        if (!store.retry(id, deliveryId, config.webhooks().retryFor())) {
            throw new ResourceNotFoundException("Webhook " + id + " không có lần gửi " + deliveryId + ".");
        }
        return store.delivery(id, deliveryId).orElseThrow();
    }

    /** The row, if the user may see it: 404 alike for one that does not exist and one of another unit. */
    private WebhookStore.Row visible(long id, CurrentUser user, boolean lock) {
        Optional<WebhookStore.Row> row = store.find(id, lock);
        if (row.isEmpty() || !user.isAdmin() && (row.get().organisationId() == null
                || !organisations.findByIdOptional(row.get().organisationId()).map(user::mayWrite).orElse(false))) {
            throw new ResourceNotFoundException("Không có webhook " + id + ".");
        }
        return row.get();
    }

    private static List<String> events(List<String> given) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String code = given.get(i);
            if (WebhookEventType.fromCode(code).isEmpty()) {
                throw new InvalidBodyException(JsonErrors.pointer("events", i), "'" + code + "' không phải sự kiện; chỉ nhận "
                        + String.join(", ", ALL_EVENTS));
            }
            if (!events.contains(code)) {
                events.add(code);
            }
        }
        return events;
    }

    /**
     * The filter read as the feed reads it (400 naming /filter/PART), and the unit it names: an editor must name one
     * they may write.
     */
    private Long unitOf(WebhookFilter filter, CurrentUser user) {
        ArticleFilter read = filter.articleFilter();
        Optional<Organisation> unit = Optional.ofNullable(read.org()).map(slug -> organisations.findBySlug(slug)
                .orElseThrow(() -> new InvalidBodyException("/filter/org", "không có đơn vị '" + slug + "'")));
        if (!user.isAdmin() && unit.isEmpty()) {
            throw new InvalidBodyException("/filter/org", "biên tập viên phải chọn đơn vị của mình hoặc đơn vị trực thuộc");
        }
        if (unit.isPresent() && !user.mayWrite(unit.get())) {
            throw new Forbidden(unit.get().name);
        }
        return unit.map(found -> found.id).orElse(null);
    }

    WebhookFilter filterOf(WebhookStore.Row row) {
        try {
            return mapper.readValue(row.filter(), WebhookFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook " + row.id() + " has a filter that does not read back", e);
        }
    }

    private String json(WebhookFilter filter) {
        try {
            return mapper.writeValueAsString(filter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook filter cannot be written", e);
        }
    }

    private WebhookView view(WebhookStore.Row row, String secret) {
        return new WebhookView(row.id(), row.url(), row.events(), filterOf(row), row.state(), row.disabledReason(), row.createdBy(),
                VietnamTime.of(row.createdAt()), VietnamTime.of(row.updatedAt()), secret);
    }

    /** 403: an editor's webhook may only follow the units they may write. */
    static final class Forbidden extends ApiException {
        Forbidden(String unit) {
            super(ProblemType.FORBIDDEN, "'" + unit + "' nằm ngoài đơn vị tài khoản này quản lý.", "/filter/org",
                    "ngoài đơn vị của tài khoản");
        }
    }
}
