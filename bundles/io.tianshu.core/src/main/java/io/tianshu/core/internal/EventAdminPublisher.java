package io.tianshu.core.internal;

import io.tianshu.core.DomainEvent;
import io.tianshu.core.EventPublisher;
import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Sends domain events asynchronously through OSGi Event Admin. */
@Component(service = EventPublisher.class)
public class EventAdminPublisher implements EventPublisher {

  @Reference private EventAdmin eventAdmin;

  @Override
  public void publish(DomainEvent event) {
    eventAdmin.postEvent(toEvent(event));
  }

  @Override
  public void publishAndWait(DomainEvent event) {
    eventAdmin.sendEvent(toEvent(event));
  }

  private static Event toEvent(DomainEvent event) {
    Map<String, Object> props = new HashMap<>(event.data());
    props.put("domain", event.domain());
    props.put("entity", event.entity());
    props.put("action", event.action());
    props.put("entityId", event.entityId());
    if (event.plantId() != null) {
      props.put("plantId", event.plantId());
    }
    props.put("username", event.username());
    props.put("timestamp", event.at().toEpochMilli());
    return new Event(event.topic(), props);
  }
}
