package io.tianshu.planning;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan run's results in the exchange format ({@code tianshu-exchange/1}, section {@code
 * planResults}), with plants and materials by code, for ERP, SRM and WMS: every planned order (a
 * transfer order when the material is sourced by TRANSFER) and every exception message. Results are
 * exported, never imported: a plan is made by running it.
 */
public record PlanExport(String format, PlanResults planResults) {

  /** The run and its results. */
  public record PlanResults(
      long runId,
      String name,
      String planType,
      String status,
      String plant,
      LocalDate planStart,
      int horizonDays,
      List<Order> plannedOrders,
      List<Message> messages) {}

  /** A planned order; {@code procurement} MAKE, BUY or TRANSFER (from {@code sourcePlant}). */
  public record Order(
      long id,
      String plant,
      String material,
      String procurement,
      String sourcePlant,
      LocalDate releaseDate,
      LocalDate dueDate,
      double quantity) {}

  /** An exception message. */
  public record Message(
      String plant, String material, String kind, LocalDate date, long referenceId, String text) {}
}
