import GRDB

extension RegistryDatabase {
    /// The schema, one migration per released change. Never edit a shipped migration: add one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sources, brands, products, OCOP, geographical indications, search") { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                CREATE TABLE source (
                    id INTEGER PRIMARY KEY,
                    address TEXT NOT NULL UNIQUE,
                    title TEXT,
                    retrieved TEXT,
                    licence TEXT
                );
                CREATE TABLE brand (
                    id INTEGER PRIMARY KEY,
                    key TEXT NOT NULL,
                    name TEXT NOT NULL,
                    company TEXT,
                    company_prefix TEXT,
                    prefix_seen TEXT,
                    ownership TEXT NOT NULL CHECK (ownership IN ('vietnamese', 'foreign-group', 'unverified')),
                    ownership_note TEXT,
                    ownership_note_vi TEXT,
                    category TEXT,
                    example_gtin TEXT,
                    notes TEXT,
                    origin TEXT NOT NULL CHECK (origin IN ('seed', 'user')),
                    source_id INTEGER NOT NULL REFERENCES source(id)
                );
                CREATE INDEX brand_key ON brand(key, origin);
                CREATE TABLE product (
                    id INTEGER PRIMARY KEY,
                    key TEXT NOT NULL,
                    gtin TEXT NOT NULL,
                    name TEXT NOT NULL,
                    brand TEXT,
                    geographical_indication TEXT,
                    notes TEXT,
                    origin TEXT NOT NULL CHECK (origin IN ('seed', 'user')),
                    source_id INTEGER NOT NULL REFERENCES source(id)
                );
                CREATE INDEX product_key ON product(key, origin);
                CREATE TABLE ocop_product (
                    id INTEGER PRIMARY KEY,
                    key TEXT NOT NULL,
                    name TEXT NOT NULL,
                    producer TEXT,
                    province TEXT NOT NULL,
                    stars INTEGER CHECK (stars IS NULL OR stars BETWEEN 3 AND 5),
                    year INTEGER,
                    decision TEXT,
                    certified_on TEXT,
                    expires_on TEXT,
                    revoked INTEGER NOT NULL DEFAULT 0,
                    gtin TEXT,
                    notes TEXT,
                    origin TEXT NOT NULL CHECK (origin IN ('seed', 'user')),
                    source_id INTEGER NOT NULL REFERENCES source(id)
                );
                CREATE INDEX ocop_key ON ocop_product(key, origin);
                CREATE TABLE geographical_indication (
                    id INTEGER PRIMARY KEY,
                    key TEXT NOT NULL,
                    name TEXT,
                    product TEXT NOT NULL,
                    registration_no TEXT,
                    application_no TEXT,
                    granted TEXT,
                    decision TEXT,
                    holder TEXT,
                    province TEXT,
                    origin_country TEXT NOT NULL,
                    notes TEXT,
                    origin TEXT NOT NULL CHECK (origin IN ('seed', 'user')),
                    source_id INTEGER NOT NULL REFERENCES source(id)
                );
                CREATE INDEX gi_key ON geographical_indication(key, origin);
                -- Folded text (no diacritics, đ → d, lower case) so "nuoc mam" finds "Nước mắm".
                CREATE VIRTUAL TABLE search_index USING fts5(
                    kind UNINDEXED, entry_id UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2'
                );
                """)
        }
        migrator.registerMigration("v2: brand ownership by brand name") { db in
            try db.execute(sql: """
                CREATE TABLE brand_ownership (
                    id INTEGER PRIMARY KEY,
                    key TEXT NOT NULL,
                    name TEXT NOT NULL,
                    aliases TEXT,
                    company TEXT,
                    status TEXT NOT NULL CHECK (status IN ('vietnamese', 'foreign-group', 'mixed', 'changing', 'not-stated')),
                    controlling_group TEXT,
                    group_country TEXT,
                    change_year INTEGER,
                    as_of INTEGER,
                    note TEXT,
                    note_vi TEXT,
                    origin_warning TEXT,
                    origin_warning_vi TEXT,
                    category TEXT,
                    notes TEXT,
                    retrieved TEXT,
                    origin TEXT NOT NULL CHECK (origin IN ('seed', 'user')),
                    source_id INTEGER NOT NULL REFERENCES source(id)
                );
                CREATE INDEX brand_ownership_key ON brand_ownership(key, origin);
                """)
        }
        migrator.registerMigration("v3: recognition programmes") { db in
            try db.execute(sql: """
                CREATE TABLE recognition (
                    id INTEGER PRIMARY KEY,
                    key TEXT NOT NULL,
                    program TEXT NOT NULL,
                    year INTEGER,
                    decision TEXT,
                    enterprise TEXT NOT NULL,
                    products TEXT,
                    province TEXT,
                    status TEXT NOT NULL CHECK (status IN ('awarded', 'revoked')),
                    notes TEXT,
                    retrieved TEXT,
                    origin TEXT NOT NULL CHECK (origin IN ('seed', 'user')),
                    source_id INTEGER NOT NULL REFERENCES source(id)
                );
                CREATE INDEX recognition_key ON recognition(key, origin);
                """)
        }
        migrator.registerMigration("v4: hotlines") { db in
            try db.execute(sql: """
                CREATE TABLE hotline (
                    id INTEGER PRIMARY KEY,
                    key TEXT NOT NULL,
                    agency TEXT NOT NULL,
                    parent_body TEXT,
                    number_or_channel TEXT NOT NULL,
                    channel_type TEXT,
                    takes TEXT,
                    scope TEXT NOT NULL,
                    as_of TEXT NOT NULL,
                    status_note TEXT,
                    retrieved TEXT,
                    origin TEXT NOT NULL CHECK (origin IN ('seed', 'user')),
                    source_id INTEGER NOT NULL REFERENCES source(id)
                );
                CREATE INDEX hotline_key ON hotline(key, origin);
                """)
        }
        migrator.registerMigration("v5: OCOP retrieved dates and rating history") { db in
            try db.execute(sql: """
                ALTER TABLE ocop_product ADD COLUMN retrieved TEXT;
                ALTER TABLE ocop_product ADD COLUMN history TEXT;
                """)
        }
        return migrator
    }
}
