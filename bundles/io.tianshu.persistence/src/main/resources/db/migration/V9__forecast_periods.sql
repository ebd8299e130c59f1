-- Forecasts over periods and by product group.

-- DAY: the forecast date; WEEK: the ISO week (Monday to Sunday) containing it; MONTH: its calendar
-- month. Planning spreads a WEEK or MONTH quantity evenly over the period's working days.
ALTER TABLE forecast ADD COLUMN period VARCHAR(8) DEFAULT 'DAY' NOT NULL;

-- A forecast is of a material or of a material group (exactly one of the two); a group forecast is
-- disaggregated to the group's materials by the plant's forecast split. (DROP NOT NULL: accepted by
-- Derby and PostgreSQL alike.)
ALTER TABLE forecast ADD COLUMN material_group_id BIGINT;
ALTER TABLE forecast ALTER COLUMN material_id DROP NOT NULL;
ALTER TABLE forecast ADD CONSTRAINT fk_forecast_material_group FOREIGN KEY (material_group_id)
  REFERENCES material_group (id);
ALTER TABLE forecast ADD CONSTRAINT ck_forecast_material_or_group CHECK (
  (material_id IS NULL AND material_group_id IS NOT NULL)
  OR (material_id IS NOT NULL AND material_group_id IS NULL));

-- A group's forecast split in a plant: each material of the group and its percent (> 0, summing to
-- 100 within 0.01).
CREATE TABLE forecast_split (
  plant_id BIGINT NOT NULL,
  group_id BIGINT NOT NULL,
  material_id BIGINT NOT NULL,
  percent DECIMAL(9, 4) NOT NULL,
  CONSTRAINT pk_forecast_split PRIMARY KEY (plant_id, group_id, material_id),
  CONSTRAINT fk_forecast_split_group FOREIGN KEY (group_id) REFERENCES material_group (id),
  CONSTRAINT fk_forecast_split_material FOREIGN KEY (material_id) REFERENCES material (id)
);
