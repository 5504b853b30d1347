/**
 * The open workspace every feature shares ({@link org.statbench.app.workspace.WorkspaceModel}: the
 * store, its datasets and the selected one), the user's preferences (recent workspaces and files)
 * and the bundled sample workspace and its joins. Part of the shared kernel with {@code shell}.
 */
package org.statbench.app.workspace;
