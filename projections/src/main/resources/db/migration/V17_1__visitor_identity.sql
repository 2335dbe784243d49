-- Who came to a visit in person (Luật 136/2025/QH15: name, address, ID number); null when not recorded.
-- Personal data: the API shows it to officers and the chair only, never to an inspector.
ALTER TABLE reception_visit
    ADD COLUMN visitor_full_name TEXT,
    ADD COLUMN visitor_address   TEXT,
    ADD COLUMN visitor_id_number TEXT;
