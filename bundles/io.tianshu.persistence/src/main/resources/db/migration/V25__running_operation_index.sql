-- The operations running at a station or work centre (ExecutionService.runningOperations, asked by
-- machine connectors on every count): few operations are STARTED at a time, so the status leads;
-- the work centre is sought on, the station (compared without case) is read from the index.
-- V25 leaves V24 to another branch.

CREATE INDEX ix_wo_operation_running ON work_order_operation (status, work_center_id, station);
