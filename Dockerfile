# Build stage: Maven with JDK 17 builds the shaded jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY models models
RUN mvn -B -q package -DskipTests

# Run stage: a JRE only, a non-root user, state in a volume.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app saath && mkdir -p /app/data && chown saath /app/data
WORKDIR /app
COPY --from=build /src/target/saath.jar /app/saath.jar
COPY models /app/models
USER saath
VOLUME /app/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/saath.jar"]
CMD ["serve", "--data", "/app/data"]
