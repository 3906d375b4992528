package dev.vigil.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** deploy/prometheus: the scrape jobs of prometheus.yml and the alerting rules of rules.yml. */
record PrometheusConfig(List<Job> jobs, List<Rule> rules) {

  /** A scrape job that finds its targets by DNS names on one port, or by static targets. */
  record Job(String name, String metricsPath, List<String> dnsNames, Integer port) {}

  record Rule(String alert, String expr) {}

  static PrometheusConfig load() {
    Map<String, Object> config = yaml(Repository.read(Repository.PROMETHEUS_CONFIG));
    List<Job> jobs = new ArrayList<>();
    for (Object item : list(config.get("scrape_configs"))) {
      Map<String, Object> job = map(item);
      List<String> names = new ArrayList<>();
      Integer port = null;
      for (Object sd : list(job.get("dns_sd_configs"))) {
        list(map(sd).get("names")).forEach(n -> names.add(String.valueOf(n)));
        port = (Integer) map(sd).get("port");
      }
      jobs.add(
          new Job(
              String.valueOf(job.get("job_name")),
              String.valueOf(job.getOrDefault("metrics_path", "/metrics")),
              names,
              port));
    }
    Map<String, Object> rulesFile = yaml(Repository.read(Repository.PROMETHEUS_RULES));
    List<Rule> rules = new ArrayList<>();
    for (Object group : list(rulesFile.get("groups"))) {
      for (Object rule : list(map(group).get("rules"))) {
        Map<String, Object> r = map(rule);
        rules.add(
            new Rule(
                String.valueOf(r.getOrDefault("alert", r.get("record"))),
                String.valueOf(r.get("expr"))));
      }
    }
    return new PrometheusConfig(jobs, rules);
  }

  Map<String, Job> jobsByName() {
    Map<String, Job> byName = new LinkedHashMap<>();
    jobs.forEach(j -> byName.put(j.name(), j));
    return byName;
  }

  private static Map<String, Object> yaml(String text) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object yaml) {
    return yaml instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<?> list(Object yaml) {
    return yaml instanceof List<?> l ? l : List.of();
  }
}
