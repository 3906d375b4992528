package dev.vigil.benchmarks.formats;

/** Prints each state value's size in each format, as a Markdown table. */
public final class Sizes {

  private Sizes() {}

  public static void main(String[] args) {
    System.out.println("| value | JSON bytes | binary bytes | binary / JSON |");
    System.out.println("|---|---:|---:|---:|");
    for (StateValue<?> value : StateValues.all()) {
      int json = value.write("json").length;
      int binary = value.write("binary").length;
      System.out.printf(
          "| %s | %,d | %,d | %.2f |%n", value.name(), json, binary, (double) binary / json);
    }
  }
}
