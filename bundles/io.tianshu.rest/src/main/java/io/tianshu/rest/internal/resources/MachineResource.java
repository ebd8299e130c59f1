package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.connector.MachineConnectorService;
import io.tianshu.connector.MachineInfo;
import io.tianshu.rest.RestApi;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The machines of the OPC UA connector in the caller's plants, read-only: connection, last state
 * and counters. Machines are configured by files in etc/, not through the API.
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
}
