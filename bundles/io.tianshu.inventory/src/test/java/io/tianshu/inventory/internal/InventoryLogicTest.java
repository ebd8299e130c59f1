package io.tianshu.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.core.CallerContext;
import io.tianshu.core.FieldError;
import io.tianshu.core.ForbiddenException;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.PlantRole;
import io.tianshu.core.ValidationException;
import io.tianshu.inventory.Location;
import io.tianshu.inventory.LocationInput;
import io.tianshu.inventory.Movement;
import io.tianshu.inventory.MovementDocument;
import io.tianshu.inventory.MovementInput;
import io.tianshu.inventory.StockStatus;
import io.tianshu.inventory.Warehouse;
import io.tianshu.inventory.WarehouseInput;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InventoryLogicTest {
  private static final long PLANT = 7L;
  private static final long OTHER_PLANT = 8L;
  private final FakeInventoryStore store = new FakeInventoryStore();
  private final InventoryLogic logic =
      new InventoryLogic(store, Clock.systemUTC(), id -> id == PLANT || id == OTHER_PLANT);
  private final CallerContext admin = CallerContext.system();
  private final MaterialRef bolt = new MaterialRef(100L, null, "PCS");
  private final Warehouse main =
      logic.createWarehouse(admin, new WarehouseInput(PLANT, "WH1", "原料库", null, false));
  private final Location a = logic.createLocation(admin, main.id(), new LocationInput("A", "A"));
  private final Location b = logic.createLocation(admin, main.id(), new LocationInput("B", "B"));

  private MovementDocument post(
      String type, String qty, Location from, Location to, String status, String toStatus) {
    return logic.post(
        admin,
        new MovementInput(
            type,
            bolt.id(),
            new BigDecimal(qty),
            from.id(),
            to == null ? null : to.id(),
            null,
            null,
            status,
            toStatus,
            null),
        bolt);
  }

  private BigDecimal onHand(Location l, StockStatus s) {
    return store.balances.getOrDefault(
        new StockKey(PLANT, l.id(), bolt.id(), "", "", s), BigDecimal.ZERO);
  }

  @Test
  void movementsBecomeSignedLinesAndBalances() {
    post("RECEIPT", "10", a, null, null, null);
    post("ISSUE", "3", a, null, null, null);
    MovementDocument transfer = post("TRANSFER", "4", a, b, null, null);
    assertThat(transfer.lines())
        .extracting(Movement::quantity)
        .containsExactlyInAnyOrder(new BigDecimal("-4"), new BigDecimal("4"));
    post("STATUS_CHANGE", "1", b, null, "AVAILABLE", "QUARANTINE");
    post("ADJUSTMENT", "-1", a, null, null, null);
    assertThat(onHand(a, StockStatus.AVAILABLE)).isEqualByComparingTo("2");
    assertThat(onHand(b, StockStatus.AVAILABLE)).isEqualByComparingTo("3");
    assertThat(onHand(b, StockStatus.QUARANTINE)).isEqualByComparingTo("1");
    assertThat(store.audit).filteredOn(s -> s.contains("StockMovement")).hasSize(5);
  }

  @Test
  void nothingGoesBelowZeroAndARefusedMovementWritesNothing() {
    post("RECEIPT", "5", a, null, null, null);
    int lines = store.ledger.size();
    assertThatThrownBy(() -> post("ISSUE", "6", a, null, null, null))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::code)
                    .containsExactly("insufficient_stock"));
    assertThatThrownBy(() -> post("TRANSFER", "5.5", a, b, null, null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> post("STATUS_CHANGE", "1", a, null, "QUARANTINE", "AVAILABLE"))
        .isInstanceOf(ValidationException.class);
    assertThat(store.ledger).hasSize(lines);
    assertThat(onHand(a, StockStatus.AVAILABLE)).isEqualByComparingTo("5");
  }

  @Test
  void aWarehouseMayAllowNegativeStock() {
    Warehouse line =
        logic.createWarehouse(admin, new WarehouseInput(PLANT, "LS", "线边库", null, true));
    Location bin = logic.createLocation(admin, line.id(), new LocationInput("L1", "L1"));
    post("ISSUE", "2", bin, null, null, null);
    assertThat(onHand(bin, StockStatus.AVAILABLE)).isEqualByComparingTo("-2");
  }

  @Test
  void invalidInputListsEveryField() {
    assertThatThrownBy(
            () ->
                logic.post(
                    admin,
                    new MovementInput(
                        "NOPE", null, BigDecimal.ZERO, null, null, null, null, "X", null, null),
                    null))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field)
                    .containsExactly("type", "materialId", "quantity", "locationId", "status"));
  }

  @Test
  void plantScopeAndRolesApply() {
    post("RECEIPT", "5", a, null, null, null);
    CallerContext viewer = new CallerContext("li", false, Map.of(PLANT, PlantRole.VIEWER));
    CallerContext stranger = new CallerContext("wu", false, Map.of(OTHER_PLANT, PlantRole.PLANNER));
    MovementInput issue =
        new MovementInput(
            "ISSUE", bolt.id(), BigDecimal.ONE, a.id(), null, null, null, null, null, null);
    assertThatThrownBy(() -> logic.post(viewer, issue, bolt))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> logic.post(stranger, issue, bolt))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> logic.getWarehouse(stranger, main.id()))
        .isInstanceOf(NotFoundException.class);
    // A material of another plant is not stored here.
    MaterialRef foreign = new MaterialRef(200L, OTHER_PLANT, "KG");
    assertThatThrownBy(
            () ->
                logic.post(
                    admin,
                    new MovementInput(
                        "RECEIPT",
                        200L,
                        BigDecimal.ONE,
                        a.id(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                    foreign))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field)
                    .containsExactly("materialId"));
    assertThat(logic.describeUse(PLANT)).isEqualTo("1 warehouses");
  }

  /**
   * Property: for random sequences of movements (many refused), every balance equals the sum of its
   * ledger lines, no balance of a non-negative warehouse is ever below zero, and transfers and
   * status changes conserve the total.
   */
  @Test
  void ledgerAndBalancesAgreeForRandomSequences() {
    String[] types = {"RECEIPT", "ISSUE", "TRANSFER", "ADJUSTMENT", "STATUS_CHANGE"};
    String[] statuses = {"AVAILABLE", "QUARANTINE", "BLOCKED"};
    Location[] locs = {a, b};
    for (long seed = 1; seed <= 30; seed++) {
      Random random = new Random(seed);
      store.balances.clear();
      store.ledger.clear();
      BigDecimal expectedTotal = BigDecimal.ZERO;
      for (int step = 0; step < 300; step++) {
        String type = types[random.nextInt(types.length)];
        BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(20), random.nextInt(3));
        if (type.equals("ADJUSTMENT") && random.nextBoolean()) {
          qty = qty.negate();
        }
        Location from = locs[random.nextInt(2)];
        String status = statuses[random.nextInt(3)];
        String toStatus = statuses[random.nextInt(3)];
        try {
          MovementDocument d =
              post(type, qty.toPlainString(), from, from == a ? b : a, status, toStatus);
          for (Movement m : d.lines()) {
            expectedTotal = expectedTotal.add(m.quantity());
          }
          if (type.equals("TRANSFER") || type.equals("STATUS_CHANGE")) {
            assertThat(
                    d.lines().stream()
                        .map(Movement::quantity)
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("0");
          }
        } catch (ValidationException refused) {
          // refused movements write nothing; checked by the sums below
        }
        assertThat(store.balances.values()).allMatch(q -> q.signum() >= 0);
      }
      Map<StockKey, BigDecimal> sums = new HashMap<>();
      for (Movement m : store.ledger) {
        sums.merge(
            new StockKey(
                m.plantId(), m.locationId(), m.materialId(), m.lot(), m.serial(), m.status()),
            m.quantity(),
            BigDecimal::add);
      }
      for (Map.Entry<StockKey, BigDecimal> e : store.balances.entrySet()) {
        assertThat(sums.getOrDefault(e.getKey(), BigDecimal.ZERO))
            .as("seed %d key %s", seed, e.getKey())
            .isEqualByComparingTo(e.getValue());
      }
      assertThat(store.balances.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
          .isEqualByComparingTo(expectedTotal);
    }
  }
}
