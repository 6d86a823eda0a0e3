-- :checkhealth jiaodui: the server path and version, and the configuration in force.
local M = {}

local function nearest_config(dir)
  return vim.fs.find({ 'jiaodui.toml', '.jiaodui.toml' }, { path = dir, upward = true })[1]
end

function M.check()
  local health = vim.health
  local jiaodui = require('jiaodui')
  local cfg = jiaodui.config()

  health.start('jiaodui：语言服务')
  local cmd = cfg.cmd
  if type(cmd) ~= 'table' or not cmd[1] then
    health.error('jiaodui 的配置里没有 cmd', { "这样设置：vim.lsp.config('jiaodui', { cmd = { 'jiaodui', 'lsp' } })" })
  else
    local exe = vim.fn.exepath(cmd[1])
    if exe == '' then
      health.error(('找不到 `%s`（cmd = %s）'):format(cmd[1], vim.inspect(cmd)), {
        '安装 jiaodui 并放到 PATH 上：见 https://github.com/jiaodui/jiaodui#install',
        "或者告诉 Neovim 它在哪里：vim.lsp.config('jiaodui', { cmd = { '/path/to/jiaodui', 'lsp' } })",
      })
    else
      health.ok('语言服务：' .. exe .. '（cmd = ' .. table.concat(cmd, ' ') .. '）')
      local res = vim.system({ exe, '--version' }, { text = true }):wait(5000)
      local version = vim.trim(res.stdout or '')
      if res.code == 0 and version ~= '' then
        health.ok('版本：' .. version)
      else
        health.warn(('`%s --version` 运行失败（退出码 %s）：%s'):format(exe, tostring(res.code), vim.trim(res.stderr or '')))
      end
    end
  end

  health.start('jiaodui：配置')
  health.info('Neovim ' .. tostring(vim.version()) .. '，文件类型：' .. table.concat(cfg.filetypes or {}, '、'))
  local cwd_config = nearest_config(vim.fn.getcwd())
  if cwd_config then
    health.ok('当前目录适用的配置：' .. cwd_config)
  else
    health.info('当前目录及其上级目录中没有 jiaodui.toml：jiaodui 只在有这个文件的项目里启动')
  end
  local clients = vim.lsp.get_clients({ name = 'jiaodui' })
  if #clients == 0 then
    health.info('没有正在运行的 jiaodui 客户端')
  end
  for _, client in ipairs(clients) do
    local info = client.server_info or {}
    health.ok(('客户端 %d：%s %s，根目录 %s，位置编码 %s'):format(
      client.id, info.name or 'jiaodui', info.version or '', client.root_dir or '（无）', client.offset_encoding))
    for buf in pairs(client.attached_buffers) do
      local name = vim.api.nvim_buf_get_name(buf)
      local config = nearest_config(vim.fs.dirname(name))
      health.info(('  %s：配置 %s'):format(name, config or '（默认）'))
    end
  end
end

return M
