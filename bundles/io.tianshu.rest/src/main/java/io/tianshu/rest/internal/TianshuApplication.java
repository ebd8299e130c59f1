package io.tianshu.rest.internal;

import io.tianshu.rest.RestApi;
import javax.ws.rs.core.Application;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** The JAX-RS application at /api/v1; resources and extensions join it through the whiteboard. */
@Component(service = Application.class)
@JaxrsApplicationBase(RestApi.BASE)
@JaxrsName(RestApi.APP_NAME)
public class TianshuApplication extends Application {}
