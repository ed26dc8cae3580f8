-- The body that issued a directive, as its text names it ("Ban Thường vụ Thành ủy Hà Nội"): the code's
-- issuer abbreviation (TU) says only which kind of body, and it is part of the code, so it never changes.
alter table directive add column issued_by text check (issued_by = normalize(issued_by, NFC));
