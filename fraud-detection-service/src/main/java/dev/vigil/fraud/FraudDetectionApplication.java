package dev.vigil.fraud;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FraudDetectionApplication {

  public static void main(String[] args) {
    SpringApplication.run(FraudDetectionApplication.class, args);
  }
}
