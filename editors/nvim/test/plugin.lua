-- Tests of the Neovim plugin around the client: opt-in per project, :JiaoduiRestart and
-- :checkhealth jiaodui.
--
--   nvim --headless --clean -l editors/nvim/test/plugin.lua <project>/draft.txt <outside>/draft.txt
--
-- <project> has a jiaodui.toml; <outside> has none anywhere above it.
local H = dofile(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)) .. '/helpers.lua')
local TIMEOUT = tonumber(os.getenv('JIAODUI_TEST_TIMEOUT_MS') or '') or 10000

H.load_plugin(true) -- require('jiaodui').setup(), as in the lazy.nvim snippet
local inside, outside = assert(arg[1]), assert(arg[2])

-- 1. Opt-in: no client for a draft outside any jiaodui project.
vim.cmd.edit(vim.fn.fnameescape(outside))
local out_buf = vim.api.nvim_get_current_buf()
H.check(vim.bo[out_buf].filetype == 'text' or vim.bo[out_buf].filetype == 'markdown', 'outside draft has a draft filetype')
vim.wait(1500)
H.check(#vim.lsp.get_clients({ bufnr = out_buf }) == 0, 'no client outside a project (no jiaodui.toml)')

-- 2. Inside the project the client starts.
vim.cmd.edit(vim.fn.fnameescape(inside))
local buf = vim.api.nvim_get_current_buf()
H.check(H.wait(TIMEOUT, function()
  return #H.diagnostics(buf, 'punct/halfwidth') > 0
end), 'client attached inside the project and sent diagnostics')
local first = vim.lsp.get_clients({ bufnr = buf, name = 'jiaodui' })[1]
H.check(first.root_dir == vim.fs.dirname(vim.fn.fnamemodify(inside, ':p')):gsub('/$', ''),
  'root_dir is the folder holding jiaodui.toml', first.root_dir)

-- 3. :checkhealth jiaodui reports the server path, its version and the config in force.
vim.cmd('checkhealth jiaodui')
io.stdout:write('\n') -- checkhealth prints a progress line without one
local report = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
local exe = vim.fn.exepath('jiaodui')
H.check(report:find('语言服务：' .. exe, 1, true) ~= nil, 'checkhealth reports the server path ' .. exe, report)
H.check(report:find('版本：%S') ~= nil, 'checkhealth reports the server version', report)
H.check(report:find(vim.fs.dirname(vim.fn.fnamemodify(inside, ':p')) .. '/jiaodui.toml', 1, true) ~= nil,
  'checkhealth reports the jiaodui.toml in force', report)
H.check(not report:find('ERROR'), 'checkhealth reports no error', report)
vim.cmd('tabclose')

-- 4. :JiaoduiRestart: a new client attaches and diagnostics come back.
vim.cmd.buffer(buf)
vim.cmd('JiaoduiRestart')
H.check(H.wait(TIMEOUT, function()
  local c = vim.lsp.get_clients({ bufnr = buf, name = 'jiaodui' })[1]
  return c ~= nil and c.id ~= first.id and c.initialized
end), ':JiaoduiRestart starts a new client')
H.check(first:is_stopped(), 'the old client has stopped')
H.check(H.wait(TIMEOUT, function()
  return #H.diagnostics(buf, 'punct/halfwidth') == 3
end), 'diagnostics again after the restart', function()
  return H.describe(H.diagnostics(buf))
end)

H.finish()
