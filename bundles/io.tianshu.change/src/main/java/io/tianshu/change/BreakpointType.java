package io.tianshu.change;

/**
 * How the new versions take over. DATE and SERIAL are forced breakpoints: from the effective date
 * the old versions end; from the serial the new versions apply to those end items (the old ones
 * stay the default for the others). USE_UP is flexible: the old versions end at the effective date,
 * and {@code transitionQuantity} parents may still be built from old stock (planning reads it).
 */
public enum BreakpointType {
  DATE,
  SERIAL,
  USE_UP
}
