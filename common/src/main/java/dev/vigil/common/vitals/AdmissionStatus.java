package dev.vigil.common.vitals;

/** Whether a patient is on a ward now. Only active admissions are watched for silent monitors. */
public enum AdmissionStatus {
  ACTIVE,
  DISCHARGED
}
