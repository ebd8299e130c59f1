-- Inspection lots opened by the events of the plant rather than by hand: a plan lists the events
-- that open its lots (IQC: goods receipt from a supplier; IPQC: the first report of a work order;
-- FQC: product received from a work order;
-- RETURN: a customer return), comma-separated, '' for none. Stock received for such a plan goes
-- into QUARANTINE until the usage decision.
ALTER TABLE inspection_plan ADD COLUMN auto_lots VARCHAR(64) DEFAULT '' NOT NULL;

-- the open final-inspection lot of a work order grows with each receipt until results come in
CREATE INDEX ix_inspection_lot_open ON inspection_lot (plant_id, material_id, source, status);

-- an in-process (first-article) lot inspects pieces in process: its decision moves no stock
ALTER TABLE inspection_lot ADD COLUMN holds_stock BOOLEAN DEFAULT TRUE NOT NULL;

-- patrol inspection (巡检): minutes between in-process lots of each started work order, 0 for none
ALTER TABLE inspection_plan ADD COLUMN patrol_minutes INT DEFAULT 0 NOT NULL;

-- how a characteristic is inspected: the gauge or instrument, and the method or work instruction
ALTER TABLE inspection_characteristic ADD COLUMN instrument VARCHAR(100);
ALTER TABLE inspection_characteristic ADD COLUMN method VARCHAR(400);

-- a plan may inspect one operation of the material's routing in process (0: the material's plan)
ALTER TABLE inspection_plan ADD COLUMN operation_seq INT DEFAULT 0 NOT NULL;
ALTER TABLE inspection_plan DROP CONSTRAINT uq_inspection_plan;
ALTER TABLE inspection_plan ADD CONSTRAINT uq_inspection_plan
  UNIQUE (plant_id, material_id, supplier, operation_seq);

-- the responsible authority approves reduced inspection for the plan (ISO 2859-1 9.3.3.1 c)
ALTER TABLE inspection_plan ADD COLUMN reduced_approved BOOLEAN DEFAULT FALSE NOT NULL;
