package io.tianshu.integration.internal;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.DataFormat;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Binds the {@code b2mml} data format into the registry of the server's Camel context, so that
 * route files can say {@code marshal: {custom: "b2mml"}} or {@code unmarshal: {custom: "b2mml"}}.
 */
@Component(
    immediate = true,
    service = {})
public final class B2mmlDataFormatBinding {
  private final CamelContext camel;

  @Activate
  public B2mmlDataFormatBinding(@Reference CamelContext camel) {
    this.camel = camel;
    camel.getRegistry().bind(B2mmlDataFormat.NAME, DataFormat.class, new B2mmlDataFormat());
  }

  @Deactivate
  void deactivate() {
    camel.getRegistry().unbind(B2mmlDataFormat.NAME);
  }
}
