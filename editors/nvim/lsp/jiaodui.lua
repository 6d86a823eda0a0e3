-- jiaodui (校对) language server for Neovim >= 0.11:
--   vim.lsp.enable('jiaodui')
-- finds this file on 'runtimepath'. Override any field with vim.lsp.config('jiaodui', { ... }),
-- e.g. cmd = { '/path/to/jiaodui', 'lsp' }.
--
-- jiaodui is opt-in per project: it starts only for drafts that have a jiaodui.toml (or
-- .jiaodui.toml) in their folder or a parent folder, so plain-text and Markdown files elsewhere
-- are left alone.
local markers = { 'jiaodui.toml', '.jiaodui.toml' }

---@type vim.lsp.Config
return {
  cmd = { 'jiaodui', 'lsp' },
  filetypes = { 'text', 'markdown' },
  root_markers = markers,
  -- A root_dir function takes precedence over root_markers: the client starts only when
  -- on_dir is called, that is, only inside a jiaodui project.
  root_dir = function(bufnr, on_dir)
    local root = vim.fs.root(bufnr, markers)
    if root then
      on_dir(root)
    end
  end,
}
