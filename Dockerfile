# Build stage: Maven with JDK 17 builds the shaded jar from pom.xml and src/ only, so that a change to models/ or
# conversations/ never rebuilds the jar layer.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q package -DskipTests

# Run stage: a JRE only, a non-root user (uid 10001), state and models on volumes.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 saath \
    && useradd --system --uid 10001 --gid saath --home-dir /app saath \
    && mkdir -p /app/data /app/models \
    && chown saath:saath /app/data /app/models
WORKDIR /app
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75"
# the jar first (changes with the code), then what changes more often: the entrypoint, conversations, models
COPY --from=build /src/target/saath.jar /app/saath.jar
COPY docker/entrypoint.sh /app/entrypoint.sh
COPY conversations /app/conversations
# the challenge set, so that `train` in the image refuses rows found in it as it does in the repository
COPY challenge /app/challenge
COPY models /app/models.dist
USER saath
VOLUME ["/app/data", "/app/models"]
EXPOSE 8080
# the JRE image has no curl: `saath health` asks GET /health/ready with Java's own HTTP client (exit 0 = ready)
HEALTHCHECK --interval=30s --timeout=10s --start-period=90s --retries=3 \
    CMD ["java", "-XX:TieredStopAtLevel=1", "-Xmx64m", "-jar", "/app/saath.jar", "health"]
ENTRYPOINT ["sh", "/app/entrypoint.sh"]
CMD ["serve", "--data", "/app/data"]
