-- Several Tianshu nodes on one database: only the node holding the outbox cursor's lease relays events, so that
-- each event leaves once per relay round rather than once per node. The lease is renewed every round and taken
-- over when it has run out (the holder died or lost the database).
ALTER TABLE integration_outbox_cursor ADD COLUMN owner VARCHAR(100);
ALTER TABLE integration_outbox_cursor ADD COLUMN lease_until TIMESTAMP;
