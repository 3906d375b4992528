package dev.vigil.benchmarks;

/** What processes a service's input in a run: a baseline loop, or the service itself. */
enum Contender {
  PIPE("pipe"),
  PIPE_JSON("pipe+json"),
  SERVICE("service");

  private final String label;

  Contender(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  boolean baseline() {
    return this != SERVICE;
  }
}
