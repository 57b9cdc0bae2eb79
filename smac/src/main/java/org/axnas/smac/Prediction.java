package org.axnas.smac;

/** The surrogate's belief about one configuration's cost (on the model's scale). */
public record Prediction(double mean, double variance) {}
