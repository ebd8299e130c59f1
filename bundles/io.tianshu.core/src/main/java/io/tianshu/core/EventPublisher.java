package io.tianshu.core;

/** Publishes domain events to whoever listens (OSGi Event Admin in the container). */
public interface EventPublisher {
  void publish(DomainEvent event);

  /**
   * Delivers the event to every handler before returning: for events after which the caller's next
   * request must see the handlers' effect (e.g. caches dropped after a bulk import).
   */
  default void publishAndWait(DomainEvent event) {
    publish(event);
  }

  /** Drops every event; for unit tests and tools that run outside the container. */
  EventPublisher NONE = event -> {};
}
