package dev.vigil.vitals.api;

import static dev.vigil.common.web.InvalidRequestException.requireId;

import dev.vigil.common.query.InteractiveQueries;
import dev.vigil.common.vitals.EarlyWarningScore;
import dev.vigil.common.vitals.Patient;
import dev.vigil.common.vitals.VitalsAlert;
import dev.vigil.vitals.monitor.PatientState;
import dev.vigil.vitals.monitor.VitalsStores;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Interactive queries on the patients' state: a patient is answered by the instance that holds
 * them, a ward by every instance for its own patients.
 */
@RestController
class PatientController {

  private final InteractiveQueries queries;

  PatientController(InteractiveQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/patients/{id}")
  PatientView patient(@PathVariable String id, HttpServletRequest request) {
    String patientId = requireId(id, "patient id");
    return queries.routed(
        VitalsStores.PATIENT_STATE, patientId, request, PatientView.class, () -> local(patientId));
  }

  @GetMapping("/wards/{ward}/patients")
  List<WardPatient> ward(@PathVariable String ward, HttpServletRequest request) {
    String wardId = requireId(ward, "ward");
    List<WardPatient> patients =
        new ArrayList<>(
            queries.gathered(
                VitalsStores.PATIENTS, request, WardPatient[].class, () -> localWard(wardId)));
    patients.sort(WardPatient.HIGHEST_SCORE_FIRST);
    return patients;
  }

  private PatientView local(String patientId) {
    Patient patient = queries.<Patient>localStore(VitalsStores.PATIENTS).get(patientId);
    PatientState state =
        queries.<PatientState>localStore(VitalsStores.PATIENT_STATE).get(patientId);
    if (patient == null && state == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such patient");
    }
    return new PatientView(
        patientId,
        patient == null ? null : patient.ward(),
        patient == null ? null : patient.bed(),
        patient == null ? null : patient.admission(),
        patient == null ? null : patient.spo2Scale(),
        state == null ? null : state.score(),
        state == null ? null : state.latest(),
        state == null ? List.of() : state.openAlerts(),
        state != null && state.silent());
  }

  private List<WardPatient> localWard(String ward) {
    ReadOnlyKeyValueStore<String, PatientState> states =
        queries.localStore(VitalsStores.PATIENT_STATE);
    List<WardPatient> patients = new ArrayList<>();
    try (KeyValueIterator<String, Patient> all =
        queries.<Patient>localStore(VitalsStores.PATIENTS).all()) {
      while (all.hasNext()) {
        KeyValue<String, Patient> entry = all.next();
        Patient patient = entry.value;
        if (patient != null && patient.active() && patient.ward().equals(ward)) {
          patients.add(summary(entry.key, patient, states.get(entry.key)));
        }
      }
    }
    return patients;
  }

  private static WardPatient summary(String patientId, Patient patient, PatientState state) {
    EarlyWarningScore score = state == null ? null : state.score();
    return new WardPatient(
        patientId,
        patient.bed(),
        score == null ? null : score.aggregate(),
        score == null ? null : score.riskBand(),
        score == null ? null : score.partial(),
        state == null ? List.of() : state.openAlerts().stream().map(VitalsAlert::type).toList(),
        state != null && state.silent(),
        score == null ? null : score.eventTime());
  }
}
