-- jiaodui (校对) user commands. The client itself starts through vim.lsp.enable('jiaodui')
-- (Neovim >= 0.11) or require('jiaodui').setup() (0.10).
if vim.g.loaded_jiaodui then
  return
end
vim.g.loaded_jiaodui = true
require('jiaodui').create_commands()
