-- How a plan samples: ISO_2859 (the master tables with switching), FIXED (n and Ac as given, Re =
-- Ac + 1) or HUNDRED_PERCENT (every item, Ac 0).
ALTER TABLE inspection_plan ADD COLUMN sampling_mode VARCHAR(16) DEFAULT 'ISO_2859' NOT NULL;
ALTER TABLE inspection_plan ADD COLUMN fixed_sample_size INT DEFAULT 0 NOT NULL;
ALTER TABLE inspection_plan ADD COLUMN fixed_acceptance INT DEFAULT 0 NOT NULL;
