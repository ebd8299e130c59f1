package io.tianshu.core;

/** Publishes domain events to whoever listens (OSGi Event Admin in the container). */
public interface EventPublisher {
  void publish(DomainEvent event);

  /** Drops every event; for unit tests and tools that run outside the container. */
  EventPublisher NONE = event -> {};
}
