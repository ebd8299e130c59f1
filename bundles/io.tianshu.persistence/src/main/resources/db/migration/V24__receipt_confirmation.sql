-- A supplier's confirmation of a purchase order or requisition (SRM, 供应商确认): the quantity and date the
-- supplier confirmed, the supplier's own order reference, and who recorded it when. NULL: not confirmed.
ALTER TABLE scheduled_receipt ADD COLUMN confirmed_quantity DECIMAL(31, 6);
ALTER TABLE scheduled_receipt ADD COLUMN confirmed_date DATE;
ALTER TABLE scheduled_receipt ADD COLUMN supplier_reference VARCHAR(64);
ALTER TABLE scheduled_receipt ADD COLUMN confirmed_at TIMESTAMP;
ALTER TABLE scheduled_receipt ADD COLUMN confirmed_by VARCHAR(64);
