package io.tianshu.execution.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything needed to cost one work order.
 *
 * @param workOrderId the work order
 * @param materialIssues material issues and returns; may be empty
 * @param activities labour and machine time per operation / work centre; may be empty
 * @param overheadRules overhead rules, unique names; may be empty
 * @param mainProduct the main product and its good quantity (the standard is per unit of it)
 * @param coProducts co-products sharing the joint cost with the main product; may be empty
 * @param byProducts by-products credited against the joint cost; may be empty
 * @param allocationMethod how the joint cost is shared between main and co-products
 * @param standard the standard cost card per unit of main product
 * @param subcontractFees outsourcing processing fees of the order; may be empty
 */
public record WorkOrderCostingInput(
    String workOrderId,
    List<CostMaterialIssue> materialIssues,
    List<CostActivity> activities,
    List<CostOverheadRule> overheadRules,
    CostJointOutput mainProduct,
    List<CostJointOutput> coProducts,
    List<CostByProduct> byProducts,
    CostAllocationMethod allocationMethod,
    CostStandard standard,
    List<CostSubcontractFee> subcontractFees) {

  /**
   * Validates the fields: lists are copied, overhead rule names are unique, and every joint output
   * has the weight the allocation method needs.
   */
  public WorkOrderCostingInput {
    CostChecks.text(workOrderId, "workOrderId");
    materialIssues = CostChecks.list(materialIssues, "materialIssues");
    activities = CostChecks.list(activities, "activities");
    overheadRules = CostChecks.list(overheadRules, "overheadRules");
    CostChecks.required(mainProduct, "mainProduct");
    coProducts = CostChecks.list(coProducts, "coProducts");
    byProducts = CostChecks.list(byProducts, "byProducts");
    CostChecks.required(allocationMethod, "allocationMethod");
    CostChecks.required(standard, "standard");
    subcontractFees = CostChecks.list(subcontractFees, "subcontractFees");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < overheadRules.size(); i++) {
      if (!names.add(overheadRules.get(i).name())) {
        throw new IllegalArgumentException(
            "overheadRules[" + i + "].name " + overheadRules.get(i).name() + " is not unique");
      }
    }
    checkWeight(mainProduct, allocationMethod, "mainProduct");
    for (int i = 0; i < coProducts.size(); i++) {
      checkWeight(coProducts.get(i), allocationMethod, "coProducts[" + i + "]");
    }
  }

  /**
   * An order without subcontract fees.
   *
   * @param workOrderId the work order
   * @param materialIssues material issues and returns
   * @param activities labour and machine time
   * @param overheadRules overhead rules
   * @param mainProduct the main product and its good quantity
   * @param coProducts co-products
   * @param byProducts by-products
   * @param allocationMethod how the joint cost is shared
   * @param standard the standard cost card per unit of main product
   */
  public WorkOrderCostingInput(
      String workOrderId,
      List<CostMaterialIssue> materialIssues,
      List<CostActivity> activities,
      List<CostOverheadRule> overheadRules,
      CostJointOutput mainProduct,
      List<CostJointOutput> coProducts,
      List<CostByProduct> byProducts,
      CostAllocationMethod allocationMethod,
      CostStandard standard) {
    this(
        workOrderId,
        materialIssues,
        activities,
        overheadRules,
        mainProduct,
        coProducts,
        byProducts,
        allocationMethod,
        standard,
        List.of());
  }

  private static void checkWeight(
      CostJointOutput output, CostAllocationMethod method, String field) {
    if (method == CostAllocationMethod.EQUIVALENCE_FACTOR && output.equivalenceFactor() == null) {
      throw new IllegalArgumentException(field + ".equivalenceFactor is required by " + method);
    }
    if (method == CostAllocationMethod.RELATIVE_SALES_VALUE && output.unitSalesValue() == null) {
      throw new IllegalArgumentException(field + ".unitSalesValue is required by " + method);
    }
  }
}
