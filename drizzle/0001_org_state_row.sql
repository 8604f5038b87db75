INSERT INTO org_state (id, version) VALUES (1, 0) ON CONFLICT DO NOTHING;
