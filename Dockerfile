# syntax=docker/dockerfile:1
#
# The image of any Vigil module with a Spring Boot jar: every service, and the CLI (which the
# compose demo runs as its sample-data feeder). Build one with
#
#   docker build --build-arg MODULE=fraud-detection-service -t vigil/fraud-detection-service .
#
# docker compose builds them all (docker-compose.yml).

# The Java release of the root pom's java.version.
ARG JAVA_VERSION=17

FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
# The cache mount keeps Maven's downloads between builds of the different modules.
RUN --mount=type=cache,target=/root/.m2 \
    test -n "${MODULE}" || { echo "Set --build-arg MODULE=<module>, e.g. fraud-detection-service" >&2; exit 1; } \
    && ./mvnw -B --no-transfer-progress -pl "${MODULE}" -am -DskipTests package \
    && set -- "${MODULE}"/target/*.jar \
    && test "$#" -eq 1 \
    && java -Djarmode=tools -jar "$1" extract --layers --launcher --destination /extracted \
    && javac -d /healthcheck deploy/docker/HealthCheck.java

FROM eclipse-temurin:${JAVA_VERSION}-jre
RUN groupadd --system --gid 10001 vigil \
    && useradd --system --uid 10001 --gid vigil --home-dir /opt/vigil --no-create-home vigil \
    && mkdir -p /var/lib/vigil/state \
    && chown -R vigil:vigil /var/lib/vigil
WORKDIR /opt/vigil
# From the least to the most often changed, so that a rebuild after a code change ships only the
# small application layer.
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
COPY --from=build /healthcheck/ ./healthcheck/
USER vigil
# Kafka Streams state (RocksDB); mount a volume here so that a restart does not restore every
# store from its changelog. A named volume takes this directory's owner.
ENV VIGIL_STATE_DIR=/var/lib/vigil/state
# The heap follows the container's memory limit. Half of it, not the usual three quarters: RocksDB
# keeps its block caches and memtables outside the heap.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]
