package io.tianshu.integration.internal;

import io.tianshu.change.ChangeInput;
import io.tianshu.change.ChangeService;
import io.tianshu.change.EngineeringChange;
import io.tianshu.core.CallerContext;
import io.tianshu.integration.InboundCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Inbound commands for PLM beyond items (items: {@code material}; BOMs and routings: exchange). */
public final class PlmCommands {
  private PlmCommands() {}

  /**
   * {@code engineering-change}: a change order (ECN/ECO) from PLM, the body of {@code POST
   * /engineering-changes}. Creates it as a draft, or updates the one with the same number in the
   * same plant while it is still draft or evaluated (an update sends it back to draft; a change
   * order already approved or further is frozen and the message is refused). PLM learns the status
   * from the outbound events of entity {@code EngineeringChange}.
   */
  @Component(service = InboundCommand.class)
  public static final class EngineeringChangeUpsert implements InboundCommand {
    private final ChangeService changes;

    @Activate
    public EngineeringChangeUpsert(@Reference ChangeService changes) {
      this.changes = changes;
    }

    @Override
    public String name() {
      return "engineering-change";
    }

    @Override
    public Object execute(CallerContext caller, String payload) {
      ChangeInput in = InboundJson.read(payload, ChangeInput.class);
      EngineeringChange existing =
          changes.findByNumber(caller, in.plantId(), in.number()).orElse(null);
      if (existing == null) {
        return changes.create(caller, in);
      }
      return changes.update(
          caller,
          existing.id(),
          new ChangeInput(
              in.plantId(),
              in.number(),
              in.title(),
              in.reason(),
              in.breakpoint(),
              in.effectiveDate(),
              in.serialFrom(),
              in.transitionQuantity(),
              in.boms(),
              in.routings(),
              existing.version()));
    }
  }
}
