package io.tianshu.quality;

/**
 * A posted goods receipt.
 *
 * @param documentId the inventory document of the receipt
 * @param status the stock status received into: QUARANTINE when inspected, else AVAILABLE
 * @param inspectionLot the lot opened for it, null when not inspected
 */
public record GoodsReceipt(long documentId, String status, InspectionLot inspectionLot) {}
