package dev.vigil.vitals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class VitalsMonitorApplication {

  public static void main(String[] args) {
    SpringApplication.run(VitalsMonitorApplication.class, args);
  }
}
