package io.tianshu.planning.engine;

/**
 * One component of a parent's bill of materials, as planning sees it. The component's dependent
 * requirement from a parent order of quantity q is {@code q × quantityPer × (1 + scrapPercent /
 * 100)}, due on the parent order's release date. Several lines with the same parent and component
 * simply add up.
 *
 * @param parentMaterialId the parent (assembly) material
 * @param componentMaterialId the component material
 * @param quantityPer component quantity per unit of the parent, &gt;= 0
 * @param scrapPercent component scrap in percent, &gt;= 0
 */
public record PlanBomLine(
    long parentMaterialId, long componentMaterialId, double quantityPer, double scrapPercent) {}
