/**
 * Workspace security in the window: Workspace > Encrypt… ({@link
 * org.statbench.app.security.EncryptWorkspaceAction}, dialogs through the dialog service) and saved
 * definitions sealed with the workspace key inside an encrypted workspace ({@link
 * org.statbench.app.security.WorkspaceDocuments}, shared with the command line).
 */
package org.statbench.app.security;
