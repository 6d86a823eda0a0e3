-- Without a `jiaodui` executable the plugin says so, once, with how to install it:
--
--   PATH=<no jiaodui> nvim --headless --clean -l editors/nvim/test/missing.lua enable|setup <project>/draft.txt <project>/draft.md
--
-- `enable` loads the plugin as a user of 0.11 does (the plugin/ file at startup, then
-- vim.lsp.enable; setup() on 0.10); `setup` as the lazy.nvim snippet does. Neovim itself only
-- writes a missing server to lsp.log, which looks the same as a draft with no findings.
local H = dofile(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)) .. '/helpers.lua')

local notes = {}
vim.notify = function(msg, level)
  notes[#notes + 1] = { msg = msg, level = level }
end

local how, txt, md = assert(arg[1]), assert(arg[2]), assert(arg[3])
H.check(vim.fn.executable('jiaodui') == 0, 'no jiaodui on PATH for this test', vim.fn.exepath('jiaodui'))
H.load_plugin(how == 'setup')

vim.cmd.edit(vim.fn.fnameescape(txt))
H.check(H.wait(3000, function()
  return #notes > 0
end), 'opening a draft in a jiaodui project announces the missing server')
local note = notes[1]
H.check(note.level == vim.log.levels.WARN or note.level == vim.log.levels.ERROR, 'as a warning', tostring(note.level))
for _, want in ipairs({ '找不到语言服务 `jiaodui`', 'github.com/jiaodui/jiaodui/releases', 'cargo install --locked',
  "cmd = { '/path/to/jiaodui', 'lsp' }", ':checkhealth jiaodui' }) do
  H.check(note.msg:find(want, 1, true) ~= nil, 'the message says: ' .. want, note.msg)
end

vim.cmd.edit(vim.fn.fnameescape(md))
vim.wait(1000)
H.check(#notes == 1, 'a second draft does not announce it again', vim.inspect(notes))
H.check(#vim.lsp.get_clients({ name = 'jiaodui' }) == 0, 'no client was started')

H.finish()
