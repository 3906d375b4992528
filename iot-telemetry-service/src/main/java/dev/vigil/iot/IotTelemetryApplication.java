package dev.vigil.iot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IotTelemetryApplication {

  public static void main(String[] args) {
    SpringApplication.run(IotTelemetryApplication.class, args);
  }
}
