package io.tianshu.execution;

/**
 * A new Andon call. Category and priority are names ({@code MACHINE}, {@code HIGH}), checked with
 * the other fields so that every bad field is reported at once.
 *
 * @param plantId plant
 * @param lineCode production line where the call is raised
 * @param station station on the line, optional
 * @param category MAN, MACHINE, MATERIAL, METHOD, ENVIRONMENT or MEASUREMENT (人机料法环测)
 * @param priority CRITICAL, HIGH, NORMAL (default) or LOW
 * @param description what is wrong, optional
 * @param workOrderId work order concerned, optional; must be of the plant
 * @param operationSeq operation of that work order, optional; needs the work order
 */
public record AndonCallInput(
    Long plantId,
    String lineCode,
    String station,
    String category,
    String priority,
    String description,
    Long workOrderId,
    Integer operationSeq) {}
