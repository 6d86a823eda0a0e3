-- jiaodui (校对) user commands. The client itself starts through vim.lsp.enable('jiaodui')
-- (Neovim >= 0.11) or require('jiaodui').setup() (0.10).
if vim.g.loaded_jiaodui then
  return
end
vim.g.loaded_jiaodui = true

vim.api.nvim_create_user_command('JiaoduiFixAll', function()
  require('jiaodui').fix_all(0)
end, { desc = 'jiaodui: apply every safe fix in this draft' })

vim.api.nvim_create_user_command('JiaoduiRestart', function()
  require('jiaodui').restart()
end, { desc = 'jiaodui: restart the language server' })
