package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.connector.MachineConnectorService;
import io.tianshu.connector.MachineInfo;
import io.tianshu.connector.MachineStateHistory;
import io.tianshu.connector.MeasurementChart;
import io.tianshu.connector.MeasurementQuery;
import io.tianshu.rest.RestApi;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The machines of every connector (OPC UA, Modbus, ...) in the caller's plants, read-only:
 * connection, last state and counters, and control charts of their measured values. Machines are
 * configured by files in etc/, not through the API.
 */
@Component(service = MachineResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("machines")
@Produces(MediaType.APPLICATION_JSON)
public class MachineResource {
  private final MachineConnectorService machines;

  @Activate
  public MachineResource(@Reference MachineConnectorService machines) {
    this.machines = machines;
  }

  @GET
  public List<MachineInfo> list(@Context SecurityContext sc) {
    return machines.machines(caller(sc));
  }

  @GET
  @Path("{machine}/measurements/{signal}/chart")
  public MeasurementChart chart(
      @Context SecurityContext sc,
      @PathParam("machine") String machine,
      @PathParam("signal") String signal,
      @QueryParam("last") Integer last,
      @QueryParam("subgroupSize") Integer subgroupSize,
      @QueryParam("ruleSet") String ruleSet,
      @QueryParam("lsl") Double lsl,
      @QueryParam("usl") Double usl) {
    return machines.measurementChart(
        caller(sc), machine, signal, new MeasurementQuery(last, subgroupSize, ruleSet, lsl, usl));
  }

  /** The state history for OEE; {@code from}/{@code to} ISO instants, default the last 24 hours. */
  @GET
  @Path("{machine}/states")
  public MachineStateHistory states(
      @Context SecurityContext sc,
      @PathParam("machine") String machine,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return machines.stateHistory(caller(sc), machine, instant("from", from), instant("to", to));
  }

  private static Instant instant(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new io.tianshu.core.ValidationException(
          field, "invalid", field + " must be an ISO instant, e.g. 2026-11-22T08:00:00Z / 时间格式无效");
    }
  }
}
