package io.tianshu.execution.engine;

/** Cause category of an Andon call: the 5M1E (人机料法环测). */
public enum AndonCategory {
  /** Man: people, skills, absence (人). */
  MAN("人"),
  /** Machine: breakdown, tooling (机). */
  MACHINE("机"),
  /** Material: shortage, wrong or defective material (料). */
  MATERIAL("料"),
  /** Method: work instruction, process parameters (法). */
  METHOD("法"),
  /** Environment: temperature, humidity, cleanliness, safety (环). */
  ENVIRONMENT("环"),
  /** Measurement: gauges, inspection (测). */
  MEASUREMENT("测");

  private final String label;

  AndonCategory(String label) {
    this.label = label;
  }

  /**
   * The one-character Chinese label used on the shop floor.
   *
   * @return e.g. "机" for {@link #MACHINE}
   */
  public String label() {
    return label;
  }
}
