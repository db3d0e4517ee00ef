# syntax=docker/dockerfile:1
# Agenticore server image: the fat jar on a Java 17 runtime with git, Node.js and the Claude Code CLI.
#
#   docker build -t agenticore .
#   docker run -p 8200:8200 -e AGENTICORE_API_KEYS=change-me -e CLAUDE_CODE_OAUTH_TOKEN=... agenticore

# Build stage: the Maven wrapper builds the app module and the modules it needs, without tests,
# which run in CI instead.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl app -am package -DskipTests -Dspotless.check.skip=true \
    && cp app/target/agenticore.jar /agenticore.jar

# Runtime stage. Claude Code refuses to skip permission prompts as root, so the server runs as an
# unprivileged user. tini is PID 1: it forwards SIGTERM to the JVM and reaps the agent processes
# that Claude Code leaves behind.
FROM eclipse-temurin:17-jre
ARG CLAUDE_CODE_VERSION=2.1.197
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl git nodejs npm tini \
    && npm install -g "@anthropic-ai/claude-code@${CLAUDE_CODE_VERSION}" \
    && npm cache clean --force \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 --user-group agenticore \
    && mkdir -p /var/lib/agenticore \
    && chown agenticore:agenticore /var/lib/agenticore

COPY --from=build /agenticore.jar /opt/agenticore/agenticore.jar
# The launcher lets probes, preStop hooks and operators run "agenticore <command>" in the container.
RUN printf '#!/bin/sh\nexec java ${JAVA_OPTS:-} -jar /opt/agenticore/agenticore.jar "$@"\n' \
        > /usr/local/bin/agenticore \
    && chmod 755 /usr/local/bin/agenticore

ENV AGENTICORE_HOST=0.0.0.0 \
    AGENTICORE_PORT=8200 \
    AGENTICORE_HOME=/var/lib/agenticore \
    AGENTICORE_REPOS_ROOT=/var/lib/agenticore/repos \
    JAVA_OPTS="-XX:MaxRAMPercentage=75" \
    DISABLE_AUTOUPDATER=1

USER agenticore
WORKDIR /home/agenticore
EXPOSE 8200
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${AGENTICORE_PORT}/health" > /dev/null || exit 1
ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/agenticore"]
CMD ["serve"]
