package dev.vigil.common.web;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/** Every REST error as the same small JSON document, with a reason a client can act on. */
@RestControllerAdvice
public class ApiErrors {

  /** The body of every error response. */
  public record ApiError(int status, String error, String reason, String path) {}

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ApiError> invalid(InvalidRequestException e, HttpServletRequest request) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage(), request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> typeMismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return error(HttpStatus.BAD_REQUEST, e.getName() + " has an invalid value", request);
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<ApiError> status(ResponseStatusException e, HttpServletRequest request) {
    return error(e.getStatusCode(), e.getReason(), request);
  }

  /** The store is closed or migrating during a rebalance: the client should retry shortly. */
  @ExceptionHandler(InvalidStateStoreException.class)
  ResponseEntity<ApiError> storeUnavailable(
      InvalidStateStoreException e, HttpServletRequest request) {
    return error(
        HttpStatus.SERVICE_UNAVAILABLE, "state is being restored or rebalanced; retry", request);
  }

  private static ResponseEntity<ApiError> error(
      HttpStatusCode status, String reason, HttpServletRequest request) {
    String error = status instanceof HttpStatus known ? known.getReasonPhrase() : status.toString();
    return ResponseEntity.status(status)
        .body(new ApiError(status.value(), error, reason, request.getRequestURI()));
  }
}
