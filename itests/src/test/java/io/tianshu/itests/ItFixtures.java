package io.tianshu.itests;

import static io.tianshu.itests.ItSupport.id;
import static io.tianshu.itests.ItSupport.obj;

import java.util.Locale;
import java.util.UUID;

/** Shared set-ups of the container tests, made through the REST API. */
final class ItFixtures {
  private ItFixtures() {}

  /** A plant and an order whose operation 10 is started at a station. */
  record StartedOperation(long plantId, long orderId) {}

  static String code(String prefix) {
    return (prefix + "-" + UUID.randomUUID().toString().substring(0, 6)).toUpperCase(Locale.ROOT);
  }

  /**
   * A plant, a product, a receiving location and a released order of 100,000 dispatched to {@code
   * station} with operation 10 started: what a machine connector counts into.
   */
  static StartedOperation startedOperationAt(
      ItSupport.Api admin, String plantCode, String plantName, String station) {
    // plant, product, receiving location, a released order dispatched to station ST-OPC and started
    long plant =
        Long.parseLong(
            id(
                admin
                    .post("/plants", obj("code", plantCode, "name", plantName))
                    .expect(201)
                    .json()));
    long fg =
        Long.parseLong(
            id(
                admin
                    .post(
                        "/materials",
                        obj(
                            "code",
                            ItFixtures.code("FG"),
                            "name",
                            "成品",
                            "type",
                            "MANUFACTURED",
                            "baseUnit",
                            "PCS",
                            "plantId",
                            plant))
                    .expect(201)
                    .json()));
    long wh =
        Long.parseLong(
            id(
                admin
                    .post(
                        "/warehouses",
                        obj("plantId", plant, "code", ItFixtures.code("WH"), "name", "库"))
                    .expect(201)
                    .json()));
    long loc =
        Long.parseLong(
            id(
                admin
                    .post("/warehouses/" + wh + "/locations", obj("code", "FG", "name", "FG"))
                    .expect(201)
                    .json()));
    long order =
        Long.parseLong(
            id(
                admin
                    .post(
                        "/work-orders",
                        obj(
                            "plantId",
                            plant,
                            "materialId",
                            fg,
                            "quantity",
                            100000,
                            "issueLocationId",
                            loc,
                            "receiveLocationId",
                            loc))
                    .expect(201)
                    .json()));
    long version = admin.get("/work-orders/" + order).expect(200).json().path("version").asLong();
    admin.post("/work-orders/" + order + "/release", obj("version", version)).expect(200);
    admin
        .post(
            "/work-orders/" + order + "/operations/10",
            obj("action", "DISPATCH", "station", station))
        .expect(200);
    admin.post("/work-orders/" + order + "/operations/10", obj("action", "START")).expect(200);
    return new StartedOperation(plant, order);
  }
}
