package dev.nce.kit.clock;

/** SYSTEM: the wall clock (UTC). SIMULATED: one platform clock that only moves forward (DESIGN.md section 3). */
public enum ClockMode { SYSTEM, SIMULATED }
