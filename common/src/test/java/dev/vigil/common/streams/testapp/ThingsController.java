package dev.vigil.common.streams.testapp;

import static dev.vigil.common.web.InvalidRequestException.requireId;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ThingsController {

  @GetMapping("/things/{id}")
  String thing(@PathVariable String id) {
    return requireId(id, "thing id");
  }
}
