/**
 * The GitHub code host: opens pull requests, creates repositories and supplies the token for git over HTTPS,
 * authenticating with a static token or as a GitHub App installation.
 */
package dev.agenticore.github;
